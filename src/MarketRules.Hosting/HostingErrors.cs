namespace MarketRules.Hosting;

/// <summary>The coded errors of loading MarketRules' configuration (<c>MR.Hosting.*</c>).</summary>
public static class HostingErrors
{
    /// <summary>A configuration key under <c>MarketRules</c> that no option reads (a misspelling, or a setting of another version).</summary>
    public static readonly MessageDefinition UnknownSetting = new(
        "MR.Hosting.UnknownSetting",
        "配置项 {Key} 不是可识别的设置",
        "The configuration key {Key} is not a known setting");

    /// <summary>A list setting (policy packs, subsidy schemes, calendar years) whose entry is a section rather than a file path.</summary>
    public static readonly MessageDefinition NotAPath = new(
        "MR.Hosting.NotAPath",
        "配置项 {Key} 应为一个文件路径",
        "The configuration key {Key} must be one file path");

    /// <summary>A policy pack, subsidy scheme or calendar file that cannot be read.</summary>
    public static readonly MessageDefinition FileUnreadable = new(
        "MR.Hosting.FileUnreadable",
        "无法读取文件 {File}",
        "The file {File} cannot be read");

    /// <summary>A policy pack, subsidy scheme or calendar file that is invalid; its own coded errors follow this one.</summary>
    public static readonly MessageDefinition InvalidFile = new(
        "MR.Hosting.InvalidFile",
        "文件 {File} 有 {Count} 处错误（见其后各项）",
        "The file {File} has {Count} errors (listed after this one)");
}
