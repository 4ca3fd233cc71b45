using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace FirewallKit.Windows.Interop;

/// <summary>
/// One reference on a COM object, seen through the generated interface <typeparamref name="T"/>.
/// <para>
/// Dispose releases it at once. A ComWrappers wrapper otherwise lets go of its native references
/// only when the garbage collector finalizes it, which may be never in a short run: until then
/// every rule object read from the firewall stays alive in the firewall service's client. So each
/// wrapper is a unique instance (not shared through the identity cache, so releasing it cannot
/// pull an object out from under another holder) and is released with
/// <see cref="ComObject.FinalRelease"/> when its owner is done.
/// </para>
/// </summary>
public sealed class ComReference<T> : IDisposable
    where T : class
{
    private static readonly StrategyBasedComWrappers Wrappers = new();

    private readonly nint _unknown;
    private readonly ComObject _object;
    private readonly T _interface;
    private bool _disposed;

    private ComReference(nint unknown, ComObject comObject, T typed)
    {
        _unknown = unknown;
        _object = comObject;
        _interface = typed;
    }

    /// <summary>The object as <typeparamref name="T"/>; calls go through its native vtable.</summary>
    public T Interface => _disposed ? throw new ObjectDisposedException(typeof(T).Name) : _interface;

    /// <summary>
    /// Takes over the reference <paramref name="owned"/> carries (as returned by an out
    /// parameter or CoCreateInstance); released even when the object lacks <typeparamref name="T"/>.
    /// </summary>
    public static ComReference<T> Attach(nint owned)
    {
        if (owned == 0)
        {
            throw new ArgumentNullException(nameof(owned), "a null COM interface pointer");
        }

        // Never Unwrap: a managed fake's pointer must stay a native object so its calls cross the vtable.
        // The wrapper takes references of its own; ours is kept for QueryInterface and released on Dispose.
        ComObject comObject;
        try
        {
            comObject = (ComObject)Wrappers.GetOrCreateObjectForComInstance(owned, CreateObjectFlags.UniqueInstance);
        }
        catch
        {
            Marshal.Release(owned);
            throw;
        }

        if (comObject is not T typed)
        {
            comObject.FinalRelease();
            Marshal.Release(owned);
            throw new InvalidCastException($"the COM object does not implement {typeof(T).Name}");
        }

        return new ComReference<T>(owned, comObject, typed);
    }

    /// <summary>An owned pointer to the interface <paramref name="interfaceId"/> of the same object, for a call that takes a raw pointer.</summary>
    public nint QueryInterface(Guid interfaceId)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Marshal.ThrowExceptionForHR(Marshal.QueryInterface(_unknown, interfaceId, out var pointer));
        return pointer;
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _object.FinalRelease();
            Marshal.Release(_unknown);
        }
    }
}
