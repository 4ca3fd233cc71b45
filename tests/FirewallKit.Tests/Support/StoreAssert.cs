using FirewallKit.Core.Rules;

namespace FirewallKit.Tests.Support;

/// <summary>Assertions on a whole firewall, every group included, compared by meaning and in any order.</summary>
public static class StoreAssert
{
    public static void HoldsExactly(IReadOnlyList<FirewallRule> actual, IReadOnlyList<FirewallRule> expected, string context = "")
    {
        var remaining = actual.ToList();
        foreach (var rule in expected)
        {
            var index = remaining.FindIndex(r => r.Group == rule.Group && rule.Equals(r));
            Assert.That(index, Is.GreaterThanOrEqualTo(0), $"{context}: missing or changed: {rule.Name} in '{rule.Group}'");
            remaining.RemoveAt(index);
        }

        Assert.That(remaining.Select(r => $"{r.Name} in '{r.Group}'"), Is.Empty, $"{context}: rules that should not be there");
    }
}
