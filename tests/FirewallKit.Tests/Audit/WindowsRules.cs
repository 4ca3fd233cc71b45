namespace FirewallKit.Tests.Audit;

/// <summary>Inbound rules Windows Server ships, as a fresh install shows them (English).</summary>
internal static class WindowsRules
{
    private const string Svchost = @"%SystemRoot%\system32\svchost.exe";

    public static readonly IReadOnlyList<DumpRule> All =
    [
        new("RemoteDesktop-UserMode-In-TCP", "Remote Desktop - User Mode (TCP-In)", "Remote Desktop", "Domain,Private,Public", "TCP", "3389", "Any", "Allow",
            Description: "Inbound rule for the Remote Desktop service to allow RDP traffic. [TCP 3389]", Program: Svchost, Service: "termservice", ResourceGroup: "@FirewallAPI.dll,-28752"),
        new("RemoteDesktop-UserMode-In-UDP", "Remote Desktop - User Mode (UDP-In)", "Remote Desktop", "Domain,Private,Public", "UDP", "3389", "Any", "Allow",
            Description: "Inbound rule for the Remote Desktop service to allow RDP traffic. [UDP 3389]", Program: Svchost, Service: "termservice", ResourceGroup: "@FirewallAPI.dll,-28752"),
        new("RemoteDesktop-Shadow-In-TCP", "Remote Desktop - Shadow (TCP-In)", "Remote Desktop", "Domain,Private,Public", "TCP", "Any", "Any", "Allow", Enabled: false,
            Description: "Inbound rule for the Remote Desktop service to allow shadowing of an existing Remote Desktop session. (TCP-In)", Program: @"%SystemRoot%\system32\RdpSa.exe", ResourceGroup: "@FirewallAPI.dll,-28752"),
        new("FPS-ICMP4-ERQ-In", "File and Printer Sharing (Echo Request - ICMPv4-In)", "File and Printer Sharing", "Domain", "ICMPv4", null, "Any", "Allow",
            Description: "Echo Request messages are sent as ping requests to other nodes.", IcmpTypes: "8       Any", ResourceGroup: "@FirewallAPI.dll,-28502"),
        new("FPS-ICMP4-ERQ-In-NoScope", "File and Printer Sharing (Echo Request - ICMPv4-In)", "File and Printer Sharing", "Private,Public", "ICMPv4", null, "LocalSubnet", "Allow", Enabled: false,
            Description: "Echo Request messages are sent as ping requests to other nodes.", IcmpTypes: "8       Any", ResourceGroup: "@FirewallAPI.dll,-28502"),
        new("FPS-SMB-In-TCP", "File and Printer Sharing (SMB-In)", "File and Printer Sharing", "Domain", "TCP", "445", "Any", "Allow",
            Description: "Inbound rule for File and Printer Sharing to allow Server Message Block transmission and reception via Named Pipes. [TCP 445]", Program: "System", ResourceGroup: "@FirewallAPI.dll,-28502"),
        new("FPS-NB_Session-In-TCP", "File and Printer Sharing (NB-Session-In)", "File and Printer Sharing", "Domain", "TCP", "139", "Any", "Allow",
            Description: "Inbound rule for File and Printer Sharing to allow NetBIOS Session Service connections. [TCP 139]", Program: "System", ResourceGroup: "@FirewallAPI.dll,-28502"),
        new("CoreNet-DHCP-In", "Core Networking - Dynamic Host Configuration Protocol (DHCP-In)", "Core Networking", "Domain,Private,Public", "UDP", "68", "Any", "Allow",
            Description: "Allows DHCP (Dynamic Host Configuration Protocol) messages for stateful auto-configuration.", Program: Svchost, Service: "dhcp", RemotePort: "67", ResourceGroup: "@FirewallAPI.dll,-25000"),
        new("CoreNet-IPHTTPS-In", "Core Networking - IPHTTPS (TCP-In)", "Core Networking", "Domain,Private,Public", "TCP", "IPHTTPS", "Any", "Allow",
            Description: "Inbound TCP rule to allow IPHTTPS tunneling technology to provide connectivity across HTTP proxies and firewalls.", Program: "System", ResourceGroup: "@FirewallAPI.dll,-25000"),
        new("RemoteSvcAdmin-RPCSS-In-TCP", "Remote Service Management (RPC-EPMAP)", "Remote Service Management", "Domain,Private,Public", "TCP", "RPC-EPMap", "Any", "Allow", Enabled: false,
            Description: "Inbound rule for the RPCSS service to allow RPC/TCP traffic for the local Service Control Manager.", Program: Svchost, Service: "RPCSS", ResourceGroup: "@FirewallAPI.dll,-29502"),
        new("RemoteSvcAdmin-In-TCP", "Remote Service Management (RPC)", "Remote Service Management", "Domain,Private,Public", "TCP", "RPC", "Any", "Allow", Enabled: false,
            Description: "Inbound rule for the local Service Control Manager to be remotely managed via RPC/TCP.", Program: @"%SystemRoot%\system32\services.exe", ResourceGroup: "@FirewallAPI.dll,-29502"),
        new("WINRM-HTTP-In-TCP", "Windows Remote Management (HTTP-In)", "Windows Remote Management", "Domain,Private", "TCP", "5985", "Any", "Allow",
            Description: "Inbound rule for Windows Remote Management via WS-Management. [TCP 5985]", Program: "System", ResourceGroup: "@FirewallAPI.dll,-30267"),
        new("WINRM-HTTP-In-TCP-PUBLIC", "Windows Remote Management (HTTP-In)", "Windows Remote Management", "Public", "TCP", "5985", "LocalSubnet", "Allow",
            Description: "Inbound rule for Windows Remote Management via WS-Management. [TCP 5985]", Program: "System", ResourceGroup: "@FirewallAPI.dll,-30267"),
        new("MDNS-In-UDP", "mDNS (UDP-In)", "mDNS", "Domain,Private", "UDP", "5353", "LocalSubnet", "Allow",
            Description: "Inbound rule for mDNS traffic [UDP]", Program: Svchost, Service: "dnscache", ResourceGroup: "@%SystemRoot%\\system32\\firewallapi.dll,-37302"),
    ];
}
