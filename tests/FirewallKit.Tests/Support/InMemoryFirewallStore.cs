using FirewallKit.Core.Apply;
using FirewallKit.Core.Rules;

namespace FirewallKit.Tests.Support;

/// <summary>
/// A firewall in memory that behaves like the COM store where the applier can tell: it reads rules
/// back in Windows' forms (<see cref="ReadBackForms"/>), keeps duplicate names, holds other groups'
/// rules, and can fail at the k-th write, once or from then on.
/// </summary>
public sealed class InMemoryFirewallStore : IFirewallStore
{
    private readonly List<FirewallRule> _rules = [];
    private int? _failAt;
    private WriteFault _fault;
    private bool _keepFailing;

    public InMemoryFirewallStore(params FirewallRule[] rules) => Seed(rules);

    /// <summary>How often the store was disposed; each operation opens and disposes it once.</summary>
    public int Disposals { get; private set; }

    /// <summary>Writes attempted so far, failed ones included.</summary>
    public int Writes { get; private set; }

    public IReadOnlyList<FirewallRule> Rules => _rules.ToList();

    /// <summary>Puts rules in place as if written earlier (no write is counted).</summary>
    public void Seed(params FirewallRule[] rules) => _rules.AddRange(rules.Select(ReadBackForms.Of));

    /// <summary>The <paramref name="k"/>-th write from now (1-based) fails; with <paramref name="keepFailing"/>, every later one too.</summary>
    public void FailAt(int k, WriteFault fault = WriteFault.Before, bool keepFailing = false)
    {
        _failAt = Writes + k;
        _fault = fault;
        _keepFailing = keepFailing;
    }

    public void Dispose() => Disposals++;

    public RuleListing List(string group) => RuleListing.Of(_rules.Where(r => r.Group == group));

    public IReadOnlyList<FirewallRule> Prepare(IReadOnlyList<FirewallRule> desired) => [.. desired.Select(ReadBackForms.Of)];

    public void Add(FirewallRule rule) => Write(
        () => _rules.Add(ReadBackForms.Of(rule)),
        // COM creates the rule disabled until Enabled is put.
        () => _rules.Add(ReadBackForms.Of(rule with { Enabled = false })));

    public void Update(FirewallRule rule)
    {
        var index = _rules.FindIndex(r => r.Group == rule.Group && r.Name == rule.Name);
        if (index < 0 || _rules.Count(r => r.Group == rule.Group && r.Name == rule.Name) != 1)
        {
            throw new InvalidOperationException($"expected one rule '{rule.Name}' in '{rule.Group}'");
        }

        var old = _rules[index];
        Write(
            () => _rules[index] = ReadBackForms.Of(rule),
            // The puts stopped after the addresses: new addresses, old everything else.
            () => _rules[index] = old with { RemoteAddresses = ReadBackForms.Of(rule).RemoteAddresses });
    }

    public void Remove(string group, string name) => Write(
        () => _rules.RemoveAll(r => r.Group == group && r.Name == name),
        // The COM store renames a rule before removing it: the rename happened, the remove did not.
        () =>
        {
            var index = _rules.FindIndex(r => r.Group == group && r.Name == name);
            if (index >= 0)
            {
                _rules[index] = _rules[index] with { Name = name + ".removing-0000" };
            }
        });

    private void Write(Action write, Action halfWay)
    {
        Writes++;
        var fails = _failAt is { } k && (Writes == k || (_keepFailing && Writes > k));
        if (!fails)
        {
            write();
            return;
        }

        switch (_fault)
        {
            case WriteFault.HalfWay:
                halfWay();
                break;
            case WriteFault.After:
                write();
                break;
        }

        throw new InvalidOperationException($"injected failure at write {Writes} ({_fault})");
    }
}
