using FirewallKit.Core.Catalog;
using FirewallKit.Core.Engine;
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
}
