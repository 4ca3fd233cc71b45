using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Tests.Windows.Fake;

/// <summary>
/// A managed stand-in for the Windows Firewall's COM objects, reached only through native
/// vtables: as an <see cref="INetFwObjectSource"/> it hands out <c>IUnknown*</c> pointers to
/// <see cref="FakePolicy"/>, <see cref="FakeRule"/> and the collection and enumerator behind them,
/// so production code sees ordinary COM objects and every call crosses the generated marshalling
/// (BSTRs, VARIANT_BOOLs, VARIANTs, HRESULTs).
/// <para>
/// It keeps the store (<see cref="Rules"/>, in insertion order), a journal of every call
/// (<see cref="Calls"/>), a copy of the whole store after each committed change
/// (<see cref="CommittedStates"/>), and faults to inject (<see cref="Fail"/>).
/// </para>
/// </summary>
public sealed class FakeFirewall : INetFwObjectSource
{
    public const int ProfileDomain = 1;
    public const int ProfilePrivate = 2;
    public const int ProfilePublic = 4;

    private static readonly StrategyBasedComWrappers Wrappers = new();

    private readonly List<FakeRule> _rules = [];
    private readonly List<FakeFault> _faults = [];

    public FakeFirewall()
    {
        foreach (var profile in new[] { ProfileDomain, ProfilePrivate, ProfilePublic })
        {
            Profiles[profile] = new FakeProfileSettings();
        }
    }

    /// <summary>The store's rules, first added first; <see cref="FakeRule.Record"/> reads one without going through COM.</summary>
    public IReadOnlyList<FakeRule> Rules => _rules;

    public List<FakeCall> Calls { get; } = [];

    /// <summary>The whole store after each committed change, in order.</summary>
    public List<IReadOnlyList<ComRuleRecord>> CommittedStates { get; } = [];

    /// <summary>Per NET_FW_PROFILE_TYPE2 bit (1, 2, 4).</summary>
    public Dictionary<int, FakeProfileSettings> Profiles { get; } = [];

    public int CurrentProfileTypes { get; set; } = ProfilePrivate;

    /// <summary>NET_FW_MODIFY_STATE.</summary>
    public int LocalPolicyModifyState { get; set; }

    /// <summary>
    /// Models the protection <c>MSFT_NetFirewallRule.RuleGroup</c> documents: on a stored rule with a
    /// group, puts of Name, Description, ApplicationName and ServiceName fail with E_ACCESSDENIED.
    /// Whether Windows enforces it through COM is unconfirmed (the live test reports it), so the
    /// suites run with it on and off. The HRESULT is an assumption.
    /// </summary>
    public bool ProtectGroupedRules { get; set; }

    /// <summary>Calls with <see cref="FakeCall.Commits"/> so far, faulted ones included.</summary>
    public int Writes => Calls.Count(call => call.Commits);

    /// <summary>Fails the calls <paramref name="matches"/> selects, after skipping <paramref name="skip"/>, <paramref name="times"/> times.</summary>
    public FakeFault Fail(Func<FakeCall, bool> matches, int hresult, int skip = 0, int times = 1)
    {
        var fault = new FakeFault(matches, hresult, skip, times);
        _faults.Add(fault);
        return fault;
    }

    /// <summary>Fails the <paramref name="n"/>th put (1-based) on any rule object from now on.</summary>
    public FakeFault FailNthPut(int n, int hresult) => Fail(call => call.IsPut, hresult, skip: n - 1);

    /// <summary>Fails the <paramref name="n"/>th call (1-based) from now on that would change the store.</summary>
    public FakeFault FailNthWrite(int n, int hresult) => Fail(call => call.Commits, hresult, skip: n - 1);

    /// <summary>Fails <paramref name="member"/> (e.g. <c>put_RemoteAddresses</c>) on the rule named <paramref name="ruleName"/>.</summary>
    public FakeFault FailOn(string member, string ruleName, int hresult) =>
        Fail(call => call.Member == member && string.Equals(call.RuleName, ruleName, StringComparison.Ordinal), hresult);

    /// <summary>
    /// The firewall service stops at the <paramref name="n"/>th write from now on (1-based): that write and every
    /// call after it, reads included, fail with RPC_S_SERVER_UNAVAILABLE (0x800706BA) and change nothing, until
    /// <see cref="RestartService"/>. What was committed before stays committed, as Windows keeps its store.
    /// </summary>
    public void StopServiceAtWrite(int n)
    {
        _writesUntilStop = n;
        _serviceStopped = false;
    }

    /// <summary>The service runs again (a new fwkit run gets new COM objects that reach it).</summary>
    public void RestartService()
    {
        _writesUntilStop = 0;
        _serviceStopped = false;
    }

    private int _writesUntilStop;
    private bool _serviceStopped;

    /// <summary>Puts a rule in the store directly, as another tool or an administrator would have.</summary>
    public FakeRule Seed(ComRuleRecord record)
    {
        var rule = new FakeRule(this);
        rule.Load(record);
        _rules.Add(rule);
        rule.InStore = true;
        return rule;
    }

    public nint CreatePolicy() => Native(new FakePolicy(this), NetFwClassIds.IUnknown);

    public nint CreateRule() => Native(new FakeRule(this), NetFwClassIds.IUnknown);

    /// <summary>An owned pointer to <paramref name="interfaceId"/> on the managed object's COM wrapper.</summary>
    internal static nint Native(object managed, Guid interfaceId)
    {
        var unknown = Wrappers.GetOrCreateComInterfaceForObject(managed, CreateComInterfaceFlags.None);
        try
        {
            Marshal.ThrowExceptionForHR(Marshal.QueryInterface(unknown, interfaceId, out var pointer));
            return pointer;
        }
        finally
        {
            Marshal.Release(unknown);
        }
    }

    /// <summary>Journals a call and throws the HRESULT of a fault that fires on it.</summary>
    internal void Enter(string @interface, string member, string? ruleName, bool commits)
    {
        var call = new FakeCall(Calls.Count + 1, @interface, member, ruleName, commits);
        Calls.Add(call);
        if (!_serviceStopped && commits && _writesUntilStop > 0 && --_writesUntilStop == 0)
        {
            _serviceStopped = true;
        }

        if (_serviceStopped)
        {
            throw new COMException("The RPC server is unavailable. (0x800706BA)", ComErrors.RpcServerUnavailable);
        }

        var fault = _faults.FirstOrDefault(f => f.Fires(call));
        if (fault is not null)
        {
            throw new COMException($"injected fault on {call}", fault.HResult);
        }
    }

    internal void Committed() => CommittedStates.Add([.. _rules.Select(rule => rule.Record)]);

    internal FakeRule? Find(string? name) =>
        _rules.FirstOrDefault(rule => string.Equals(rule.Record.Name, name, StringComparison.OrdinalIgnoreCase));

    internal void Add(FakeRule rule)
    {
        _rules.Add(rule);
        rule.InStore = true;
        Committed();
    }

    internal void Remove(FakeRule rule)
    {
        _rules.Remove(rule);
        rule.InStore = false;
        Committed();
    }
}
