namespace FirewallKit.Windows.Interop;

/// <summary>The HRESULTs the firewall API is documented to return, and the ones fwkit reacts to.</summary>
public static class ComErrors
{
    public const int Ok = 0;

    /// <summary>S_FALSE: IEnumVARIANT.Next reached the end before filling the request.</summary>
    public const int False = 1;

    /// <summary>HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND): INetFwRules.Item for a name no rule has.</summary>
    public const int FileNotFound = unchecked((int)0x80070002);

    /// <summary>E_ACCESSDENIED: a write without elevation.</summary>
    public const int AccessDenied = unchecked((int)0x80070005);

    /// <summary>E_INVALIDARG: for example ports on a rule whose protocol is not TCP or UDP.</summary>
    public const int InvalidArgument = unchecked((int)0x80070057);

    /// <summary>E_UNEXPECTED: INetFwRules.Add of a rule already in the collection.</summary>
    public const int Unexpected = unchecked((int)0x8000FFFF);

    /// <summary>E_NOTIMPL.</summary>
    public const int NotImplemented = unchecked((int)0x80004001);

    /// <summary>E_NOINTERFACE.</summary>
    public const int NoInterface = unchecked((int)0x80004002);

    /// <summary>STATUS_INVALID_PARAMETER as an HRESULT: an address [MS-FASP] forbids (loopback or unspecified IPv6, prefix 0).</summary>
    public const int InvalidParameter = unchecked((int)0xD000000D);

    /// <summary>HRESULT_FROM_WIN32(RPC_S_SERVER_UNAVAILABLE): the firewall service (mpssvc) stopped under the call.</summary>
    public const int RpcServerUnavailable = unchecked((int)0x800706BA);

    /// <summary>HRESULT_FROM_WIN32(RPC_S_CALL_FAILED): the service went away during the call.</summary>
    public const int RpcCallFailed = unchecked((int)0x800706BE);

    /// <summary>HRESULT_FROM_WIN32(RPC_S_CALL_FAILED_DNE): the call failed and did not execute.</summary>
    public const int RpcCallFailedDidNotExecute = unchecked((int)0x800706BF);

    /// <summary>HRESULT_FROM_WIN32(EPT_S_NOT_REGISTERED): no service listens (mpssvc is not running).</summary>
    public const int EndpointNotRegistered = unchecked((int)0x800706D9);

    /// <summary>The HRESULTs that mean the firewall service is not there to answer: stopped, restarting or crashed.</summary>
    public static bool IsServiceGone(int hresult) =>
        hresult is RpcServerUnavailable or RpcCallFailed or RpcCallFailedDidNotExecute or EndpointNotRegistered;

    /// <summary>CO_E_NOTINITIALIZED: CoCreateInstance on a thread that has not joined COM.</summary>
    public const int NotInitialized = unchecked((int)0x800401F0);
}
