using System.CommandLine;
using FirewallKit.Core.Export;

namespace FirewallKit.Cli;

/// <summary>Options every command takes, and the one meaning each name has on every command.</summary>
internal static class GlobalOptions
{
    /// <summary>The names --format accepts for <see cref="OutputFormat"/>; table and text are the same form for people.</summary>
    public static readonly IReadOnlyList<string> FormatNames = ["table", "text", "json"];

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

    /// <summary>--host: the server of the deployment (a peer's name) the plan is for.</summary>
    public static Option<string?> Host() => new("--host")
    {
        Description = "Plan for this server of the deployment (a peer's name): only the ports of the roles it runs open, every other port is blocked.",
        HelpName = "NAME",
    };

    public static Option<string?> Catalog() => new("--catalog")
    {
        Description = "A product catalog (JSON) to use instead of the embedded PrinterOn one.",
    };

    /// <summary>--format: table or text (for people, the default) or json, in any case.</summary>
    /// <remarks>No default value factory: without --format the value is <see cref="OutputFormat.Text"/>, and help shows the names, not the enum.</remarks>
    public static Option<OutputFormat> Format(string description)
    {
        var option = new Option<OutputFormat>("--format", "-f")
        {
            Description = description,
            HelpName = string.Join("|", FormatNames),
            CustomParser = result => result.Tokens is [{ Value: var name }] ? ParseFormat(name) : OutputFormat.Text,
        };
        Choices.AcceptOnly(option, FormatNames);
        return option;
    }

    /// <summary>export's --format: powershell (the default), netsh or json, in any case.</summary>
    public static Option<ExportFormat> ExportFormat()
    {
        var option = new Option<ExportFormat>("--format", "-f")
        {
            Description = "powershell (the default: a script that applies the plan, locally or to a GPO), netsh (a .cmd) or json (the plan contract).",
            HelpName = string.Join("|", ExportFormats.Names),
            CustomParser = result => result.Tokens is [{ Value: var name }] && Choices.IsOneOf(name, ExportFormats.Names) ? ExportFormats.Parse(name) : Core.Export.ExportFormat.PowerShell,
        };
        Choices.AcceptOnly(option, ExportFormats.Names);
        return option;
    }

    /// <summary>--output is always a file; a form's name given to it is refused with the spelling that works (fwkit 0.1 took --output json).</summary>
    /// <param name="hasFormat">False on the commands without --format (init, schema), whose help must not point to it.</param>
    public static Option<string?> Output(bool hasFormat = true)
    {
        var option = new Option<string?>("--output", "-o")
        {
            Description = hasFormat ? "Write to this file instead of stdout (a file path; the form is --format)." : "Write to this file instead of stdout.",
            HelpName = "FILE",
        };
        option.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var value }] && FormatNames.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                result.AddError(OutputNamesAForm(value));
            }
        });
        return option;
    }

    public static string OutputNamesAForm(string value) =>
        $"--output {value}: --output is the file to write to, not the form. Fix: use --format {value.ToLowerInvariant()} (and --output FILE to write it to a file)";

    private static OutputFormat ParseFormat(string name) =>
        name.Equals("json", StringComparison.OrdinalIgnoreCase) ? OutputFormat.Json : OutputFormat.Text;
}
