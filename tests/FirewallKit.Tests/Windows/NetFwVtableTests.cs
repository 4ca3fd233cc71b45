using FirewallKit.Tests.Windows.Fake;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Tests.Windows;

/// <summary>
/// The generated interfaces put each method at the slot netfw.h gives it. The fake shares the
/// declarations, so a wrong order would pass every other test and fail only on Windows: these
/// call raw slots by the header's numbers (3 IUnknown + 4 IDispatch slots, then the interface's
/// methods in order) and check the typed view agrees. They also pin VARIANT_BOOL to -1 and 0.
/// </summary>
public unsafe class NetFwVtableTests
{
    private FakeFirewall _fake = null!;
    private NetFwPolicy _policy = null!;

    [SetUp]
    public void Open()
    {
        _fake = new FakeFirewall();
        _policy = new NetFwPolicy(_fake);
    }

    [TearDown]
    public void Close() => _policy.Dispose();

    [TestCase(33, 34, nameof(INetFwRule.get_Enabled))]
    [TestCase(39, 40, nameof(INetFwRule.get_EdgeTraversal))]
    public void VARIANT_BOOL_properties_sit_at_their_header_slots_and_carry_minus_one_for_true(int getSlot, int putSlot, string property)
    {
        using var rule = _policy.CreateRule();
        var pointer = rule.QueryInterface(NetFwClassIds.INetFwRule3);
        try
        {
            short value = 0;
            Assert.That(Slot<short, int>(pointer, putSlot)(pointer, -1), Is.Zero);
            Assert.That(Slot<nint, int>(pointer, getSlot)(pointer, (nint)(&value)), Is.Zero);

            Assert.That(value, Is.EqualTo((short)-1), property);
            Assert.That(property == nameof(INetFwRule.get_Enabled) ? rule.Interface.get_Enabled() : rule.Interface.get_EdgeTraversal(), Is.True);
        }
        finally
        {
            System.Runtime.InteropServices.Marshal.Release(pointer);
        }
    }

    [TestCase(15, 16, 17)]
    public void Protocol_sits_at_its_header_slot(int getSlot, int putSlot, int protocol)
    {
        using var rule = _policy.CreateRule();
        var pointer = rule.QueryInterface(NetFwClassIds.INetFwRule);
        try
        {
            Assert.That(Slot<int, int>(pointer, putSlot)(pointer, protocol), Is.Zero);
            int value;
            Assert.That(Slot<nint, int>(pointer, getSlot)(pointer, (nint)(&value)), Is.Zero);

            Assert.That(value, Is.EqualTo(protocol));
            Assert.That(rule.Interface.get_Protocol(), Is.EqualTo(protocol));
        }
        finally
        {
            System.Runtime.InteropServices.Marshal.Release(pointer);
        }
    }

    [Test]
    public void The_INetFwRule2_and_INetFwRule3_members_follow_INetFwRule()
    {
        using var rule = _policy.CreateRule();
        rule.Interface.put_EdgeTraversalOptions(1);
        rule.Interface.put_SecureFlags(3);
        var pointer = rule.QueryInterface(NetFwClassIds.INetFwRule3);
        try
        {
            int options, flags;
            Assert.That(Slot<nint, int>(pointer, 43)(pointer, (nint)(&options)), Is.Zero);
            Assert.That(Slot<nint, int>(pointer, 55)(pointer, (nint)(&flags)), Is.Zero);

            Assert.That((options, flags), Is.EqualTo((1, 3)));
        }
        finally
        {
            System.Runtime.InteropServices.Marshal.Release(pointer);
        }
    }

    [Test]
    public void Policy_and_collection_members_sit_at_their_header_slots()
    {
        _fake.LocalPolicyModifyState = 2;
        _fake.Seed(ComRuleRecords.Allow("counted"));
        var policy = _policy.Interface;
        using var rules = ComReference<INetFwRules>.Attach(policy.get_Rules());
        var policyPointer = QueryInterface(_fake.CreatePolicy(), NetFwClassIds.INetFwPolicy2);
        var rulesPointer = rules.QueryInterface(NetFwClassIds.INetFwRules);
        try
        {
            int state, count;
            Assert.That(Slot<nint, int>(policyPointer, 28)(policyPointer, (nint)(&state)), Is.Zero);
            Assert.That(Slot<nint, int>(rulesPointer, 7)(rulesPointer, (nint)(&count)), Is.Zero);

            Assert.That((state, count), Is.EqualTo((2, 1)));
        }
        finally
        {
            System.Runtime.InteropServices.Marshal.Release(rulesPointer);
            System.Runtime.InteropServices.Marshal.Release(policyPointer);
        }
    }

    [Test]
    public void The_interface_ids_are_netfw_h_s()
    {
        Assert.That(typeof(INetFwPolicy2).GUID, Is.EqualTo(NetFwClassIds.INetFwPolicy2));
        Assert.That(typeof(INetFwRules).GUID, Is.EqualTo(NetFwClassIds.INetFwRules));
        Assert.That(typeof(INetFwRule).GUID, Is.EqualTo(NetFwClassIds.INetFwRule));
        Assert.That(typeof(INetFwRule2).GUID, Is.EqualTo(NetFwClassIds.INetFwRule2));
        Assert.That(typeof(INetFwRule3).GUID, Is.EqualTo(NetFwClassIds.INetFwRule3));
        Assert.That(typeof(IEnumVARIANT).GUID, Is.EqualTo(NetFwClassIds.IEnumVARIANT));
        Assert.That(typeof(IDispatch).GUID, Is.EqualTo(NetFwClassIds.IDispatch));
    }

    private static nint QueryInterface(nint owned, Guid interfaceId)
    {
        try
        {
            System.Runtime.InteropServices.Marshal.ThrowExceptionForHR(System.Runtime.InteropServices.Marshal.QueryInterface(owned, interfaceId, out var pointer));
            return pointer;
        }
        finally
        {
            System.Runtime.InteropServices.Marshal.Release(owned);
        }
    }

    /// <summary>The function at <paramref name="slot"/> of the object's vtable, as an HRESULT-returning stdcall method.</summary>
    private static delegate* unmanaged[Stdcall]<nint, TArgument, TResult> Slot<TArgument, TResult>(nint pointer, int slot) =>
        (delegate* unmanaged[Stdcall]<nint, TArgument, TResult>)(*(nint**)pointer)[slot];
}
