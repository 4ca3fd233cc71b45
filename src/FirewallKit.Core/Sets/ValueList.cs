using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace FirewallKit.Core.Sets;

/// <summary>
/// An immutable list that compares by its items, so a record holding one compares by value
/// (a record's <see cref="IReadOnlyList{T}"/> member would compare by reference).
/// </summary>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    public static readonly ValueList<T> Empty = new([]);

    private readonly ImmutableArray<T> _items;

    public ValueList(IEnumerable<T> items) => _items = [.. items];

    private ValueList(ImmutableArray<T> items) => _items = items;

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public static implicit operator ValueList<T>(T[] items) => new(ImmutableArray.Create(items));

    public static implicit operator ValueList<T>(List<T> items) => new(items);

    public static implicit operator ValueList<T>(ImmutableArray<T> items) => new(items.IsDefault ? [] : items);

    public ImmutableArray<T>.Enumerator GetEnumerator() => _items.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)_items).GetEnumerator();

    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.SequenceEqual(other._items, EqualityComparer<T>.Default));

    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(", ", _items);
}

/// <summary>Builds <see cref="ValueList{T}"/>s from collection expressions.</summary>
public static class ValueList
{
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => items.Length == 0 ? ValueList<T>.Empty : new ValueList<T>(items.ToArray());
}
