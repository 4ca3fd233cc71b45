using FirewallKit.Core.Apply;
using FirewallKit.Core.Export;
using FirewallKit.Core.Operations;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Validation;

namespace FirewallKit.Cli;

/// <summary>
/// Turns the core's typed errors into input errors that name the option to change: the core knows
/// what went wrong, only the command line knows which option the user gave.
/// </summary>
internal static class OptionErrors
{
    /// <summary>What an input error names as the "file" when the bad value came from an option.</summary>
    public const string CommandLine = "command line";

    public static InputException? Map(Exception exception) => exception switch
    {
        ExportRefusedException refused => new InputException("--format " + ExportFormats.Name(refused.Format), refused.Path, refused.Message, Fix(refused.Refusal)),
        RuleGroupException group => new InputException(
            "--group",
            "--group",
            group.Message,
            $"give the group the profile used (\"ruleGroup\"), such as \"{group.DefaultGroup}\""),
        BackupPrefixException backup => new InputException(
            backup.File,
            "$.namePrefix",
            backup.Message,
            $"roll back with the catalog whose ruleNamePrefix is '{backup.Prefix}': --catalog FILE (without --catalog, the built-in catalog's '{backup.ExpectedPrefix}')"),
        StarterValueException starter => new InputException(
            CommandLine,
            InitOption(starter.Field),
            starter.Message,
            starter.Refusal == StarterRefusal.PeersOnSingleServer ? "drop --peer, or use --topology cluster or multi-server" : starter.Fix),
        _ => null,
    };

    /// <summary>The <c>fwkit init</c> option that gives each value of a starter profile.</summary>
    private static string InitOption(StarterField field) => field switch
    {
        StarterField.Clients => "--clients",
        StarterField.Admins => "--admins",
        StarterField.Peers => "--peer",
        StarterField.LoadBalancers => "--load-balancers",
        StarterField.Features => "--feature",
        _ => "--product-version",
    };

    private static string Fix(ExportRefusal refusal) => refusal switch
    {
        ExportRefusal.TooManyRules => "use --format powershell, which has no such limit",
        ExportRefusal.RuleName => "rule names come from the catalog's ruleNamePrefix: keep it to those characters",
        ExportRefusal.RuleText => "remove the character from the catalog or profile text it comes from, or use --format powershell, which takes any text",
        ExportRefusal.CommandTooLong => "use --format powershell, which has no such limit, or name fewer, wider address ranges in the profile",
        ExportRefusal.DescriptionTooLong => "shorten the entry's description or note in the catalog, or use --format powershell, which has no such limit",
        _ => "use --format powershell, or name the addresses in the profile",
    };
}
