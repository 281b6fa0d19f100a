using Microsoft.AspNetCore.OutputCaching;

namespace Widget.Web.Viewing;

/// <summary>This node's own page cache, which is all there is on a single node.</summary>
public sealed class LocalPageCacheEvictions(IOutputCacheStore store) : IPageCacheEvictions
{
    public Task EvictAsync(string cacheTag) => store.EvictByTagAsync(cacheTag, CancellationToken.None).AsTask();
}
