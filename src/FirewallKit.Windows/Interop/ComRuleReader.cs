using FirewallKit.Core.RuleWords;

namespace FirewallKit.Windows.Interop;

/// <summary>Reads every field of <see cref="ComRuleRecord"/> from a live rule object: 25 gets, no puts.</summary>
public static class ComRuleReader
{
    public static ComRuleRecord Read(INetFwRule3 rule) => new()
    {
        Name = rule.get_Name(),
        Description = rule.get_Description(),
        ApplicationName = rule.get_ApplicationName(),
        ServiceName = rule.get_ServiceName(),
        Protocol = rule.get_Protocol(),
        LocalPorts = rule.get_LocalPorts(),
        RemotePorts = rule.get_RemotePorts(),
        LocalAddresses = rule.get_LocalAddresses(),
        RemoteAddresses = rule.get_RemoteAddresses(),
        IcmpTypesAndCodes = rule.get_IcmpTypesAndCodes(),
        Direction = rule.get_Direction(),
        Interfaces = ReadInterfaces(rule),
        InterfaceTypes = rule.get_InterfaceTypes(),
        Enabled = rule.get_Enabled(),
        Grouping = rule.get_Grouping(),
        Profiles = rule.get_Profiles(),
        EdgeTraversal = rule.get_EdgeTraversal(),
        Action = rule.get_Action(),
        EdgeTraversalOptions = rule.get_EdgeTraversalOptions(),
        LocalAppPackageId = rule.get_LocalAppPackageId(),
        LocalUserOwner = rule.get_LocalUserOwner(),
        LocalUserAuthorizedList = rule.get_LocalUserAuthorizedList(),
        RemoteUserAuthorizedList = rule.get_RemoteUserAuthorizedList(),
        RemoteMachineAuthorizedList = rule.get_RemoteMachineAuthorizedList(),
        SecureFlags = rule.get_SecureFlags(),
    };

    /// <summary>Grouping and Name only: enough to decide whether a rule is worth a full read.</summary>
    public static (string? Name, string? Grouping) ReadIdentity(INetFwRule3 rule) => (rule.get_Name(), rule.get_Grouping());

    private static IReadOnlyList<string>? ReadInterfaces(INetFwRule3 rule)
    {
        var variant = rule.get_Interfaces();
        try
        {
            return OleAutomation.ReadStrings(variant);
        }
        finally
        {
            OleAutomation.Clear(ref variant);
        }
    }
}
