namespace Widget.Web.Viewing;

/// <summary>Drops the cached pages carrying a cache tag on every node that may hold one.</summary>
public interface IPageCacheEvictions
{
    Task EvictAsync(string cacheTag);
}
