namespace Acteon.Grains.Abstractions.Groups;

/// <summary>One per <c>{namespace}:{tenant}</c>: the keys of that scope's live groups, so listing reads no other grain.</summary>
[Alias("acteon.group-index")]
public interface IGroupIndexGrain : IGrainWithStringKey
{
    [Alias("AddAsync")]
    Task AddAsync(string groupKey);

    [Alias("RemoveAsync")]
    Task RemoveAsync(string groupKey);

    /// <summary>A page of group keys in key order, and how many there are.</summary>
    [Alias("ListAsync")]
    Task<IndexPage> ListAsync(int offset, int limit);
}
