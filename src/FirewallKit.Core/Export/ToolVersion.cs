namespace FirewallKit.Core.Export;

/// <summary>fwkit's version as exports quote it: major.minor.patch, never a build or commit suffix, so golden files stay stable.</summary>
public static class ToolVersion
{
    public static string Text { get; } = (typeof(ToolVersion).Assembly.GetName().Version ?? new Version(0, 0, 0)).ToString(3);
}
