using FirewallKit.Windows.Interop;

namespace FirewallKit.Tests.Windows.Fake;

/// <summary>The IDispatch slots of the fake's dual interfaces: late binding is not what the fake is for.</summary>
public abstract class FakeDispatch : IDispatch
{
    public int GetTypeInfoCount(out uint count)
    {
        count = 0;
        return ComErrors.Ok;
    }

    public int GetTypeInfo(uint index, uint localeId, out nint typeInfo)
    {
        typeInfo = 0;
        return ComErrors.NotImplemented;
    }

    public int GetIDsOfNames(nint interfaceId, nint names, uint nameCount, uint localeId, nint dispatchIds) => ComErrors.NotImplemented;

    public int Invoke(int dispatchId, nint interfaceId, uint localeId, ushort flags, nint parameters, nint result, nint exceptionInfo, nint argumentError) => ComErrors.NotImplemented;
}
