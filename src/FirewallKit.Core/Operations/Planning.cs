using System.Globalization;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Engine;
using FirewallKit.Core.Machine;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.Rules;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Operations;

/// <summary>
/// Where every command starts: read the catalog and the profile once, validate them (an
/// <see cref="Validation.InputException"/> means nothing was touched) and plan.
/// </summary>
public static class Planning
{
    public static PlannedInputs Load(PlanRequest request)
    {
        var catalog = CatalogLoader.LoadOrEmbedded(request.CatalogPath);
        var profile = ProfileLoader.Reader(catalog).Load(request.ProfilePath);
        var host = HostSelection.Named(profile, request.Host);
        return new PlannedInputs(catalog, profile, RulePlanner.Plan(catalog, profile, host: host)) { Host = host };
    }

    /// <summary>The plan for each server of the deployment, in the profile's order (the host × port matrix, per-role exports, flows).</summary>
    public static IReadOnlyList<HostPlan> HostPlans(PlannedInputs inputs) =>
        [.. inputs.Profile.Peers.Select(peer => new HostPlan(peer.Name, peer.Roles, RulePlanner.Plan(inputs.Catalog, inputs.Profile, host: peer)))];

    /// <summary>
    /// The rules of each server's plan, by server name, for evaluating them (<c>fwkit flows</c>): planned once per distinct
    /// set of roles, not once per server. A server's plan depends on the server only through its roles, apart from texts
    /// that name it (rule descriptions, warnings), and no text decides a connection; planning each of a thousand servers
    /// against a thousand peers took most of the time of <c>flows</c>. PlanningTests holds the planner to this.
    /// </summary>
    public static IReadOnlyDictionary<string, ValueList<FirewallRule>> HostRules(PlannedInputs inputs)
    {
        var byRoles = new Dictionary<ValueList<string>, ValueList<FirewallRule>>();
        var rules = new Dictionary<string, ValueList<FirewallRule>>(StringComparer.Ordinal);
        foreach (var peer in inputs.Profile.Peers)
        {
            if (!byRoles.TryGetValue(peer.Roles, out var planned))
            {
                byRoles[peer.Roles] = planned = RulePlanner.Plan(inputs.Catalog, inputs.Profile, host: peer).Rules;
            }

            rules.Add(peer.Name, planned);
        }

        return rules;
    }

    /// <summary>The plan of <paramref name="request"/> and, when its servers run different roles and no host was named, each server's.</summary>
    public static DeploymentPlan Deployment(PlanRequest request)
    {
        var inputs = Load(request);
        var hasRoles = inputs.Profile.Peers.Any(p => p.Roles.Count > 0);
        return new DeploymentPlan(inputs, inputs.Host is null && hasRoles ? [.. HostPlans(inputs)] : []);
    }

    public static RulePlan Plan(PlanRequest request) => Load(request).Plan;

    /// <summary>
    /// The plan for the machine it is applied on (apply, verify): an audience left as LocalSubnet is
    /// resolved into the subnets of the machine's up interfaces and enforced like a literal set. The
    /// interfaces are read only when the plan has such an audience.
    /// </summary>
    /// <remarks>
    /// Without <c>--host</c>, a profile whose servers have roles is planned for the server that has one of the
    /// machine's addresses (<see cref="HostSelection.OfMachine"/>).
    /// </remarks>
    public static PlannedInputs LoadForMachine(PlanRequest request, INetworkInterfaces network)
    {
        var inputs = Load(request);
        if (request.Host is null && HostSelection.OfMachine(inputs.Profile, network) is { } found)
        {
            inputs = inputs with { Plan = RulePlanner.Plan(inputs.Catalog, inputs.Profile, host: found), Host = found };
        }

        if (inputs.Plan.ResolvedAtApply.Count == 0)
        {
            return inputs;
        }

        var machine = MachineSubnets.Of(network.List());
        var plan = RulePlanner.Plan(inputs.Catalog, inputs.Profile, machine.Subnets, inputs.Host);
        var subnets = machine.Subnets.IsEmpty ? "none" : string.Join(", ", machine.Subnets.ToTokens());
        var interfaces = machine.Interfaces.Count == 0 ? "none" : string.Join(", ", machine.Interfaces);
        var resolved = new PlanWarning(
            "local-subnet-resolved",
            string.Create(CultureInfo.InvariantCulture, $"LocalSubnet in {string.Join(", ", inputs.Plan.ResolvedAtApply)} is this machine's subnets: {subnets} (up interfaces: {interfaces}). They are enforced like any address set; when they change, `fwkit verify` reports drift and `fwkit apply` brings the rules up to date."));
        return inputs with { Plan = plan with { Warnings = [.. plan.Warnings, resolved] } };
    }
}
