using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace MarketRules.TestSupport;

/// <summary>
/// A real, throwaway PostgreSQL cluster for the test run: initdb in a temporary directory, pg_ctl start on a free
/// loopback port (as the <c>postgres</c> system user when the tests run as root: initdb refuses root), and pg_ctl
/// stop at the end. Never a mock, never skipped: without the server binaries the fixture throws and every test
/// that needs it fails, saying how to install them. Set MARKETRULES_PG_BIN to use binaries elsewhere.
/// </summary>
public sealed class PostgreSqlServer : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly string root;
    private readonly string data;
    private readonly string bin;
    private readonly bool asPostgresUser;
    private int stopped;

    public PostgreSqlServer()
        : this(durable: false)
    {
    }

    private PostgreSqlServer(bool durable)
    {
        bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin or MARKETRULES_PG_BIN. " +
            "Install them (Debian: apt-get install -y postgresql); .ci/run does this. The PostgreSQL tests (subsidy ledger, sampling SQL reproduction) need a real server and are never skipped.");
        asPostgresUser = Environment.UserName == "root";
        root = Path.Combine(Path.GetTempPath(), "mr-pg-" + Guid.NewGuid().ToString("N")[..12]);
        data = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        try
        {
            Run("initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync");
            Exception? last = null;
            for (var attempt = 0; attempt < 5 && ConnectionString is null; attempt++)
            {
                var port = FreePort();
                try
                {
                    // A throwaway cluster: fsync off unless durable (its files die with it), loopback only, the socket inside the temporary directory.
                    Run("pg_ctl", "-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", ((int)Patience.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        "-o", $"-p {port} -k {root} -c listen_addresses=127.0.0.1 {(durable ? "" : "-c fsync=off -c full_page_writes=off ")}-c max_connections=200 -c shared_buffers=64MB", "start");
                    WaitUntilReady(port);
                    Port = port;
                    ConnectionString = new NpgsqlConnectionStringBuilder
                    {
                        Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres",
                        Timeout = 60, CommandTimeout = 300, MaxPoolSize = 50,
                    }.ConnectionString;
                }
                catch (InvalidOperationException ex)
                {
                    last = ex;
                    TryRun("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop");
                }
            }
            if (ConnectionString is null)
            {
                throw new InvalidOperationException("PostgreSQL did not start: " + last?.Message + "\n" + ReadLog(), last);
            }
        }
        catch
        {
            Stop();
            throw;
        }
    }

    /// <summary>Starts a cluster whose commits are flushed to disk (fsync on, as in production): for benchmarks. Tests run with fsync off.</summary>
    public static PostgreSqlServer StartDurable() => new(durable: true);

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>A connection string to the cluster's <c>postgres</c> database as the superuser.</summary>
    public string ConnectionString { get; } = null!;

    /// <summary>A fresh PostgreSQL schema name, so that each test has its own tables in the one cluster.</summary>
    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N")[..16];

    public void Dispose() => Stop();

    /// <summary>
    /// The CPU time (user + system) the server's processes have used so far: the postmaster, its live children (the
    /// backends, the WAL writer, …) and the children it has reaped (Linux /proc; zero elsewhere). For benchmarks:
    /// the server's share of a run is the difference of two readings.
    /// </summary>
    public TimeSpan ServerCpu()
    {
        if (!OperatingSystem.IsLinux() || !int.TryParse(File.ReadLines(Path.Combine(data, "postmaster.pid")).First(), out var postmaster))
        {
            return TimeSpan.Zero;
        }
        long ticks = 0;
        foreach (var directory in System.IO.Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue; // the process ended
            }
            // After "(comm)": state, ppid, …; utime and stime are fields 14 and 15, cutime and cstime 16 and 17.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var parent = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
            if (pid == postmaster || parent == postmaster)
            {
                ticks += long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
                if (pid == postmaster)
                {
                    ticks += long.Parse(fields[13], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[14], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ
    }

    private void Stop()
    {
        if (Interlocked.Exchange(ref stopped, 1) != 0)
        {
            return;
        }
        if (Directory.Exists(Path.Combine(data, "global")) && File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            if (!TryRun("pg_ctl", "-D", data, "-m", "fast", "-w", "-t", "60", "stop"))
            {
                TryRun("pg_ctl", "-D", data, "-m", "immediate", "-w", "-t", "60", "stop");
            }
        }
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temporary-file cleaning.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }

    private void WaitUntilReady(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Patience)
        {
            if (TryRun("pg_isready", "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-t", "10"))
            {
                return;
            }
            Thread.Sleep(250);
        }
        throw new InvalidOperationException($"pg_isready did not answer on port {port} within {Patience}");
    }

    private string ReadLog()
    {
        try
        {
            return File.ReadAllText(Path.Combine(root, "server.log"));
        }
        catch (IOException)
        {
            return "(no server log)";
        }
    }

    private bool TryRun(string tool, params string[] args)
    {
        try
        {
            Run(tool, args);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private void Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        if (asPostgresUser)
        {
            start.FileName = "runuser";
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add("postgres");
            start.ArgumentList.Add("--");
        }
        else
        {
            start.FileName = Path.Combine(bin, tool);
        }
        if (asPostgresUser)
        {
            start.ArgumentList.Add(Path.Combine(bin, tool));
        }
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + tool);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Patience))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{tool} did not finish within {Patience}");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited {process.ExitCode}: {stdout.Result} {stderr.Result}");
        }
    }

    private static string? FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("MARKETRULES_PG_BIN") is { Length: > 0 } configured && File.Exists(Path.Combine(configured, "initdb")))
        {
            return configured;
        }
        if (!Directory.Exists("/usr/lib/postgresql"))
        {
            return null;
        }
        return Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
