namespace FirewallKit.Windows.Interop;

/// <summary>CLSIDs and IIDs from netfw.h / oaidl.h (the IIDs repeat the interfaces' Guid attributes; a test keeps them equal).</summary>
public static class NetFwClassIds
{
    /// <summary>CLSID_NetFwPolicy2, ProgID HNetCfg.FwPolicy2.</summary>
    public static readonly Guid NetFwPolicy2 = new("E2B3C97F-6AE1-41AC-817A-F6F92166D7DD");

    /// <summary>CLSID_NetFwRule, ProgID HNetCfg.FWRule.</summary>
    public static readonly Guid NetFwRule = new("2C5BC43E-3369-4C33-AB0C-BE9469677AF4");

    public static readonly Guid IUnknown = new("00000000-0000-0000-C000-000000000046");
    public static readonly Guid IDispatch = new("00020400-0000-0000-C000-000000000046");
    public static readonly Guid INetFwPolicy2 = new("98325047-C671-4174-8D81-DEFCD3F03186");
    public static readonly Guid INetFwRules = new("9C4C6277-5027-441E-AFAE-CA1F542DA009");
    public static readonly Guid INetFwRule = new("AF230D27-BABA-4E42-ACED-F524F22CFCE2");
    public static readonly Guid INetFwRule2 = new("9C27C8DA-189B-4DDE-89F7-8B39A316782C");
    public static readonly Guid INetFwRule3 = new("B21563FF-D696-4222-AB46-4E89B73AB34A");
    public static readonly Guid IEnumVARIANT = new("00020404-0000-0000-C000-000000000046");
}
