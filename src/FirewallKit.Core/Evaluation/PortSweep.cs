using FirewallKit.Core.Rules;

namespace FirewallKit.Core.Evaluation;

/// <summary>
/// Which rules name each of many ports, found in one pass over the rules: each of a rule's port intervals finds the
/// ports it holds by binary search in the sorted ports. Testing every rule against every port cost rules × ports;
/// this costs rules × log(ports) plus the matches themselves.
/// </summary>
internal static class PortSweep
{
    /// <summary>
    /// For each distinct port of <paramref name="ports"/>, the rules whose local port numbers hold it, in the order
    /// of <paramref name="rules"/>. Port keywords (RPC, ...) hold no numbered port here.
    /// </summary>
    public static Dictionary<int, List<StoredRule>> RulesByPort(IReadOnlyList<StoredRule> rules, IEnumerable<int> ports)
    {
        var sorted = ports.Distinct().Order().ToArray();
        var found = new List<StoredRule>[sorted.Length];
        for (var i = 0; i < found.Length; i++)
        {
            found[i] = [];
        }

        // Rules are visited in order, so every port's list is in rule order as it grows; a rule's intervals are
        // disjoint, so no port gets a rule twice.
        foreach (var rule in rules)
        {
            if (rule.LocalPorts.IsAny)
            {
                foreach (var list in found)
                {
                    list.Add(rule);
                }

                continue;
            }

            foreach (var interval in rule.LocalPorts.Numbers.Intervals)
            {
                for (var p = FirstAtOrAbove(sorted, interval.Start); p < sorted.Length && sorted[p] <= interval.End; p++)
                {
                    found[p].Add(rule);
                }
            }
        }

        var byPort = new Dictionary<int, List<StoredRule>>(sorted.Length);
        for (var i = 0; i < sorted.Length; i++)
        {
            byPort[sorted[i]] = found[i];
        }

        return byPort;
    }

    private static int FirstAtOrAbove(int[] sorted, int value)
    {
        var index = Array.BinarySearch(sorted, value);
        return index >= 0 ? index : ~index;
    }
}
