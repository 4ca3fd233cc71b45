using System.Globalization;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Engine;
using FirewallKit.Core.Machine;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Profiles;

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
        return new PlannedInputs(catalog, profile, RulePlanner.Plan(catalog, profile));
    }

    public static RulePlan Plan(PlanRequest request) => Load(request).Plan;

    /// <summary>
    /// The plan for the machine it is applied on (apply, verify): an audience left as LocalSubnet is
    /// resolved into the subnets of the machine's up interfaces and enforced like a literal set. The
    /// interfaces are read only when the plan has such an audience.
    /// </summary>
    public static PlannedInputs LoadForMachine(PlanRequest request, INetworkInterfaces network)
    {
        var inputs = Load(request);
        if (inputs.Plan.ResolvedAtApply.Count == 0)
        {
            return inputs;
        }

        var machine = MachineSubnets.Of(network.List());
        var plan = RulePlanner.Plan(inputs.Catalog, inputs.Profile, machine.Subnets);
        var subnets = machine.Subnets.IsEmpty ? "none" : string.Join(", ", machine.Subnets.ToTokens());
        var interfaces = machine.Interfaces.Count == 0 ? "none" : string.Join(", ", machine.Interfaces);
        var resolved = new PlanWarning(
            "local-subnet-resolved",
            string.Create(CultureInfo.InvariantCulture, $"LocalSubnet in {string.Join(", ", inputs.Plan.ResolvedAtApply)} is this machine's subnets: {subnets} (up interfaces: {interfaces}). They are enforced like any address set; when they change, `fwkit verify` reports drift and `fwkit apply` brings the rules up to date."));
        return inputs with { Plan = plan with { Warnings = [.. plan.Warnings, resolved] } };
    }
}
