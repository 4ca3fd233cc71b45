using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Tests.Windows.Fake;

/// <summary>
/// INetFwRules over a <see cref="FakeFirewall"/>, as documented: Item matches names without
/// regard to case and returns the first match, or 0x80070002; Remove deletes the first match and
/// is silent when there is none; Add commits at once, refuses a rule already in the store
/// (E_UNEXPECTED) and a name that is empty, contains '|' or is "all" (E_INVALIDARG).
/// </summary>
[GeneratedComClass]
public sealed partial class FakeRules(FakeFirewall firewall) : FakeDispatch, INetFwRules
{
    private const string Name = nameof(INetFwRules);

    public int get_Count()
    {
        firewall.Enter(Name, nameof(get_Count), null, commits: false);
        return firewall.Rules.Count;
    }

    public void Add(nint rule)
    {
        var added = ComWrappers.TryGetObject(rule, out var managed) ? managed as FakeRule : null;
        firewall.Enter(Name, nameof(Add), added?.Record.Name, commits: true);
        if (added is null)
        {
            throw new COMException("not a rule object of this firewall", ComErrors.InvalidArgument);
        }

        if (added.InStore)
        {
            throw new COMException("the rule is already in the collection", ComErrors.Unexpected);
        }

        FakeRule.ValidateName(added.Record.Name);
        firewall.Add(added);
    }

    public void Remove(string? name)
    {
        firewall.Enter(Name, nameof(Remove), name, commits: true);
        if (firewall.Find(name) is { } rule)
        {
            firewall.Remove(rule);
        }
    }

    public int Item(string? name, out nint rule)
    {
        rule = 0;
        try
        {
            firewall.Enter(Name, nameof(Item), name, commits: false);
        }
        catch (COMException e)
        {
            return e.HResult;
        }

        if (firewall.Find(name) is not { } found)
        {
            return ComErrors.FileNotFound;
        }

        rule = FakeFirewall.Native(found, NetFwClassIds.INetFwRule);
        return ComErrors.Ok;
    }

    public nint get__NewEnum()
    {
        firewall.Enter(Name, nameof(get__NewEnum), null, commits: false);
        return FakeFirewall.Native(new FakeRuleEnumerator(firewall, [.. firewall.Rules]), NetFwClassIds.IUnknown);
    }
}
