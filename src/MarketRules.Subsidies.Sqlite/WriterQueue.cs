using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace MarketRules.Subsidies.Sqlite;

/// <summary>
/// The queue that writers of one SQLite file on one machine wait in before taking SQLite's write lock: an exclusive
/// lock on a file beside the database (<c>&lt;database&gt;-writer</c>), held for one write transaction.
/// </summary>
/// <remarks>
/// <para>Why a queue at all: SQLite's own busy handler sleeps up to 100 ms at a time, leaving the file idle while
/// processes queue; here a waiter retries within a millisecond.</para>
/// <para>Why a file lock and not a named <see cref="Mutex"/>: the operating system drops a file lock when its holder
/// dies (its descriptors are closed), so a process killed mid-write can never leave the queue held. A named mutex on
/// Linux is a shared-memory object whose abandonment the runtime has to notice, and once in a while it did not: the
/// other processes then waited two minutes and failed.</para>
/// <para>On Linux the file stays open for the ledger's life (opened close-on-exec, so no child process inherits it) and
/// each write takes and drops a <c>flock</c> on it: two system calls. Elsewhere each write opens (creating) the file with
/// <see cref="FileShare.None"/> (on Windows a share mode, on other Unixes an exclusive <c>flock</c>) and closes it.</para>
/// <para>Correctness never rests on this queue: <c>BEGIN IMMEDIATE</c> and SQLite's lock still serialise writers.</para>
/// </remarks>
internal sealed partial class WriterQueue : IDisposable
{
    private readonly string path;
    private readonly int descriptor = -1;
    private SafeFileHandle? held;

    /// <param name="databasePath">The database file's full path; the lock file is beside it.</param>
    public WriterQueue(string databasePath)
    {
        path = databasePath + "-writer";
        if (OperatingSystem.IsLinux())
        {
            // Opened (created when absent) by open(2) itself, not by File.OpenHandle: .NET puts a shared flock on every
            // file it opens for sharing, which fails while another process holds the queue. Here the opening never
            // waits; a missing directory or a refused permission fails the ledger's opening, not a write.
            descriptor = Libc.Open(path, Libc.ReadWrite | Libc.Create | Libc.CloseOnExec, Libc.ReadWriteForAll);
            if (descriptor < 0)
            {
                throw new IOException($"Could not open {path} (errno {Marshal.GetLastPInvokeError()})");
            }
        }
    }

    /// <summary>Waits until no other writer holds the queue and takes it; fails after <paramref name="limit"/>.</summary>
    /// <exception cref="TimeoutException">Another writer held the queue for the whole of <paramref name="limit"/>.</exception>
    public void Enter(TimeSpan limit)
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 0; !TryEnter(); attempt++)
        {
            if (Stopwatch.GetElapsedTime(started) >= limit)
            {
                throw new TimeoutException($"Another writer held {path} for {limit.TotalMinutes:0.#} minutes");
            }
            if (attempt < 8)
            {
                Thread.Yield();
            }
            else
            {
                Thread.Sleep(1);
            }
        }
    }

    private bool TryEnter()
    {
        if (descriptor >= 0)
        {
            while (Libc.Flock(descriptor, Libc.Exclusive | Libc.NonBlocking) != 0)
            {
                var error = Marshal.GetLastPInvokeError();
                if (error == Libc.WouldBlock)
                {
                    return false;
                }
                if (error != Libc.Interrupted)
                {
                    throw new IOException($"Could not lock {path} (errno {error})");
                }
            }
            return true;
        }
        try
        {
            held = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException busy) when (busy.GetType() == typeof(IOException))
        {
            // The sharing violation (held by another writer) is a plain IOException; a missing directory or a refused
            // permission is a subclass or another exception and goes to the caller at once.
            return false;
        }
    }

    /// <summary>Leaves the queue; nothing when not held.</summary>
    public void Exit()
    {
        if (descriptor >= 0)
        {
            _ = Libc.Flock(descriptor, Libc.Unlock);
        }
        held?.Dispose();
        held = null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Exit();
        if (descriptor >= 0)
        {
            _ = Libc.Close(descriptor);
        }
    }

    // Linux's values (x86-64 and arm64 alike).
    private static partial class Libc
    {
        public const int ReadWrite = 0x2;          // O_RDWR
        public const int Create = 0x40;            // O_CREAT
        public const int ReadWriteForAll = 0x1B6;  // 0666, less the process's umask
        public const int CloseOnExec = 0x80000;    // O_CLOEXEC
        public const int Exclusive = 2;            // LOCK_EX
        public const int NonBlocking = 4;          // LOCK_NB
        public const int Unlock = 8;               // LOCK_UN
        public const int Interrupted = 4;          // EINTR
        public const int WouldBlock = 11;          // EWOULDBLOCK (EAGAIN)

        // open(2)'s mode is its variadic third argument; on Linux (x86-64, arm64) it is passed as an ordinary one.
        [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int Open(string path, int flags, int mode);

        [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
        public static partial int Flock(int descriptor, int operation);

        [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
        public static partial int Close(int descriptor);
    }
}
