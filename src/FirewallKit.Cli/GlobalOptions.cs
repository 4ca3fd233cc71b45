using System.CommandLine;

namespace FirewallKit.Cli;

/// <summary>Options every command takes.</summary>
internal static class GlobalOptions
{
    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Log debug details to stderr.",
        Recursive = true,
    };

    public static readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "Log errors only.",
        Recursive = true,
    };

    public static readonly Option<string?> LogFile = new("--log-file")
    {
        Description = "Also write a detailed log to this file (for installers).",
        Recursive = true,
    };

    public static Option<string> Profile(bool required = true) => new("--profile", "-p")
    {
        Description = "The deployment profile (JSON).",
        Required = required,
    };

    public static Option<string?> Catalog() => new("--catalog")
    {
        Description = "A product catalog (JSON) to use instead of the embedded PrinterOn one.",
    };

    /// <summary>--format with the accepted values; the first is the default.</summary>
    public static Option<string> Format(string description, params string[] values)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = description,
            DefaultValueFactory = _ => values[0],
        };
        option.AcceptOnlyFromAmong(values);
        return option;
    }

    public static Option<string?> Output() => new("--output", "-o")
    {
        Description = "Write to this file instead of stdout.",
    };
}
