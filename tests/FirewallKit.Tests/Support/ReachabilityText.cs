using FirewallKit.Core.Evaluation;

namespace FirewallKit.Tests.Support;

/// <summary>Everything a <see cref="Reachability"/> says, as one string: its lists compare by reference, this by value.</summary>
public static class ReachabilityText
{
    public static string Of(Reachability reach) => string.Join(
        "\n",
        [
            $"{reach.Profile} certain {reach.Certain} possible {reach.Possible}",
            .. reach.MayAlsoReach.Select(a => $"may also reach: {a.Keyword} within {a.Within} by {a.Rule}"),
            .. reach.MayBeKeptOut.Select(a => $"may be kept out: {a.Keyword} within {a.Within} by {a.Rule}"),
            .. reach.Effects.Select(e => $"{e.Kind} {e.Rule} {e.Location} {e.Addresses} [{string.Join(",", e.Keywords)}] [{string.Join("; ", e.Conditions)}] {e.Reason} {e.Stored?.DisplayName}"),
        ]);
}
