using System.Runtime.CompilerServices;
using FirewallKit.Core.Operations;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Audit;

/// <summary>
/// The machines the saved dumps under Dumps/ describe: what Windows ships, fwkit's rules for profiles/cluster.json
/// (from the real plan), and one change each. <see cref="SavedDumpsTests"/> keeps the files equal to these.
/// </summary>
internal static class DumpScenarios
{
    public const string ForeignAllowAll = "Acme Monitoring Agent - allow all";

    public static readonly string Cluster = RepoPaths.Profile("cluster.json");

    public static readonly DumpRule Foreign = new("{8d1f7a52-3c4e-4b7a-9f7e-2a51c0f3e911}", ForeignAllowAll, "Acme Monitoring", "Domain,Private", "Any", null, "Any", "Allow",
        Description: "Installed by Acme Agent 7.2");

    public static readonly IReadOnlyList<Scenario> All =
    [
        new("plan-with-foreign-allow-all", [.. WindowsRules.All, .. Plan(), Foreign], Profiles()),
        new("foreign-allow-all-in-public", [.. WindowsRules.All, .. Plan(), Foreign with { Profiles = "Public" }], Profiles()),
        new("block-others-5200-missing", [.. WindowsRules.All, .. Plan().Where(r => r.Id != "fwkit-printeron-tcp-5200-block-others"), Foreign], Profiles()),
        new("disabled-allow-rule", [.. WindowsRules.All, .. Plan().Select(r => r.Id == "fwkit-printeron-tcp-8057-allow" ? r with { Enabled = false } : r)], Profiles()),
        new("private-profile-off", [.. WindowsRules.All, .. Plan()], Profiles(privateOn: false), NumericEnums: true),
        new("domain-default-allow", [.. WindowsRules.All, .. Plan()], Profiles(domainInbound: "Allow")),
        new("domain-default-allow-5200-block-others-missing", [.. WindowsRules.All, .. Plan().Where(r => r.Id != "fwkit-printeron-tcp-5200-block-others")], Profiles(domainInbound: "Allow")),
        new("gpo-ignores-local-rules", [.. WindowsRules.All.Select(r => r with { Store = "Group Policy" }), .. Plan()], Profiles(domainLocalRules: false), JsonOnly: true),
    ];

    public static IReadOnlyList<DumpProfile> DefaultProfiles => Profiles();

    public static IReadOnlyList<DumpRule> Rules(string scenario) => All.Single(s => s.Name == scenario).Rules;

    public static string PathOf(string fileName) => Path.Combine(Folder(), "Dumps", fileName);

    private static string Folder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static IEnumerable<DumpRule> Plan() => Planning.Plan(new PlanRequest(Cluster)).Rules.Select(DumpWriter.FromPlan);

    private static DumpProfile[] Profiles(bool privateOn = true, string domainInbound = "Block", bool domainLocalRules = true) =>
        [new("Domain", Inbound: domainInbound, LocalRules: domainLocalRules), new("Private", On: privateOn), new("Public")];

    public sealed record Scenario(string Name, IReadOnlyList<DumpRule> Rules, IReadOnlyList<DumpProfile> Profiles, bool NumericEnums = false, bool JsonOnly = false)
    {
        public string NetshText => DumpWriter.Netsh(Rules, Profiles);

        public string JsonText => DumpWriter.PowerShell(Rules, Profiles, NumericEnums);

        public override string ToString() => Name;
    }
}
