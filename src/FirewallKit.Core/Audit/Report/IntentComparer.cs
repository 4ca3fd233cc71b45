using FirewallKit.Core.Addresses;
using FirewallKit.Core.Evaluation;

namespace FirewallKit.Core.Audit;

/// <summary>
/// Compares who can reach a port with who the plan means to: addresses that certainly or possibly get in
/// beyond the intent are "wider than intended", intended addresses that certainly or possibly cannot get in
/// are "narrower than intended". Each finding names the rules that cause it.
/// </summary>
public static class IntentComparer
{
    private static readonly RuleEffectKind[] Admitting = [RuleEffectKind.LetsIn, RuleEffectKind.MayLetIn, RuleEffectKind.DefaultAllows, RuleEffectKind.ProfileOff];
    private static readonly RuleEffectKind[] Excluding = [RuleEffectKind.KeepsOut, RuleEffectKind.MayKeepOut, RuleEffectKind.BlocksAllInbound];

    public static IReadOnlyList<Finding> Compare(Reachability reach, IntendedReach intent)
    {
        var findings = new List<Finding>();
        var intended = intent.Addresses;

        // Reach and intent both leave out loopback and '::' (OutsideRules): a rule COM wrote without '::' is no finding.
        var widerCertain = reach.Certain.Except(intended);
        if (!widerCertain.IsEmpty)
        {
            var rules = Causes(reach, Admitting, widerCertain);
            findings.Add(new Finding(FindingKind.WiderThanIntended, true, widerCertain, [], rules,
                $"reachable from {AddressText.Of(widerCertain)}, which the plan does not intend ({Intended(intent)}); let in by {Names(rules)}"));
        }

        var widerPossible = reach.Possible.Except(intended).Except(widerCertain);
        if (!widerPossible.IsEmpty)
        {
            var rules = Causes(reach, Admitting, widerPossible);
            findings.Add(new Finding(FindingKind.WiderThanIntended, false, widerPossible, [], rules,
                $"may be reachable from {AddressText.Of(widerPossible)}, which the plan does not intend ({Intended(intent)}); {Names(rules)} may let them in ({Conditions(reach, widerPossible)})"));
        }

        foreach (var audience in reach.MayAlsoReach.Where(a => !intent.Keywords.Contains(a.Keyword)))
        {
            var outside = audience.Within.Except(intended);
            if (!outside.IsEmpty)
            {
                findings.Add(new Finding(FindingKind.WiderThanIntended, false, outside, [audience.Keyword], [audience.Rule],
                    $"{audience.Rule} lets in {audience.Keyword}, which only the machine resolves; any of its addresses in {AddressText.Of(outside)} would be beyond the plan ({Intended(intent)})"));
            }
        }

        var narrowerCertain = intended.Except(reach.Possible);
        if (!narrowerCertain.IsEmpty && !(reach.MayAlsoReach.Count > 0 && intent.Keywords.Count > 0))
        {
            var rules = Causes(reach, Excluding, narrowerCertain);
            var ignored = reach.Effects.Where(e => e.Kind == RuleEffectKind.Ignored && (AuditSets.Overlaps(e.Addresses, narrowerCertain) || e.Keywords.Count > 0)).ToList();
            var why = rules.Count > 0 ? $"kept out by {Names(rules)}" : "no allow rule that Windows applies lets them in";
            if (ignored.Count > 0)
            {
                why += "; " + string.Join("; ", ignored.Select(e => $"{e.Rule} would, but is {e.Reason!.Split("ignored: ")[^1]}"));
            }

            findings.Add(new Finding(FindingKind.NarrowerThanIntended, true, narrowerCertain, [], [.. rules, .. ignored.Select(e => e.Rule!)],
                $"cannot be reached from {AddressText.Of(narrowerCertain)}, which the plan intends; {why}"));
        }

        var narrowerPossible = intended.Except(reach.Certain).Except(narrowerCertain);
        if (!narrowerPossible.IsEmpty)
        {
            var rules = Causes(reach, [RuleEffectKind.MayLetIn, RuleEffectKind.MayKeepOut], narrowerPossible);
            findings.Add(new Finding(FindingKind.NarrowerThanIntended, false, narrowerPossible, [], rules,
                $"may not be reachable from {AddressText.Of(narrowerPossible)}, which the plan intends; only {Names(rules)} would decide, under conditions ({Conditions(reach, narrowerPossible)})"));
        }

        foreach (var audience in reach.MayBeKeptOut)
        {
            var inside = AuditSets.Intersect(audience.Within, intended);
            if (!inside.IsEmpty)
            {
                findings.Add(new Finding(FindingKind.NarrowerThanIntended, false, inside, [audience.Keyword], [audience.Rule],
                    $"{audience.Rule} keeps out {audience.Keyword}, which only the machine resolves; any of its addresses in {AddressText.Of(inside)} would lose access the plan intends"));
            }
        }

        foreach (var keyword in intent.Keywords.Where(k => !reach.Possible.IsAny && reach.MayAlsoReach.All(a => a.Keyword != k)))
        {
            findings.Add(new Finding(FindingKind.NarrowerThanIntended, false, AddressSet.Empty, [keyword], [],
                $"the plan lets in {keyword}, but no rule that Windows applies names it"));
        }

        return findings;
    }

    private static List<string> Causes(Reachability reach, RuleEffectKind[] kinds, AddressSet addresses) =>
        [.. reach.Effects
            .Where(e => kinds.Contains(e.Kind) && (AuditSets.Overlaps(e.Addresses, addresses) || e.Keywords.Count > 0 && e.Kind != RuleEffectKind.KeepsOut))
            .Select(e => e.Rule ?? e.Reason!)
            .Distinct()];

    private static string Names(IReadOnlyList<string> rules) => rules.Count == 0 ? "no rule" : string.Join(", ", rules);

    private static string Intended(IntendedReach intent) =>
        intent.Addresses.IsEmpty && intent.Keywords.Count == 0 ? "it intends the port closed" : $"it intends {string.Join(", ", [AddressText.Of(intent.Addresses), .. intent.Keywords.Select(k => k.ToString())])}";

    private static string Conditions(Reachability reach, AddressSet addresses) =>
        string.Join("; ", reach.Effects
            .Where(e => e.Conditions.Count > 0 && AuditSets.Overlaps(e.Addresses, addresses))
            .SelectMany(e => e.Conditions.Select(c => $"{e.Rule} applies {c}"))
            .Distinct());
}
