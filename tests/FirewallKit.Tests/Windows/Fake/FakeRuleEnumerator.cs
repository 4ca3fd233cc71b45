using System.Runtime.InteropServices.Marshalling;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Tests.Windows.Fake;

/// <summary>IEnumVARIANT over the store as it was when enumeration began: VT_DISPATCH VARIANTs, each holding a reference the caller releases.</summary>
[GeneratedComClass]
public sealed unsafe partial class FakeRuleEnumerator(FakeFirewall firewall, IReadOnlyList<FakeRule> rules) : IEnumVARIANT
{
    private int _next;

    public int Next(uint count, OleVariant* variants, uint* fetched)
    {
        firewall.Enter(nameof(IEnumVARIANT), nameof(Next), null, commits: false);
        uint written = 0;
        while (written < count && _next < rules.Count)
        {
            variants[written++] = OleAutomation.FromDispatch(FakeFirewall.Native(rules[_next++], NetFwClassIds.IDispatch));
        }

        if (fetched is not null)
        {
            *fetched = written;
        }

        return written == count ? ComErrors.Ok : ComErrors.False;
    }

    public int Skip(uint count)
    {
        _next = (int)Math.Min(rules.Count, _next + count);
        return _next < rules.Count ? ComErrors.Ok : ComErrors.False;
    }

    public int Reset()
    {
        _next = 0;
        return ComErrors.Ok;
    }

    public nint Clone() => FakeFirewall.Native(new FakeRuleEnumerator(firewall, rules) { _next = _next }, NetFwClassIds.IEnumVARIANT);
}
