namespace Widget.Web.Together;

/// <summary>What the together hub pushes to widgets watching a page's pods.</summary>
public interface ITogetherPodClient
{
    /// <summary>The shown visitors' newest positions on the page since the last batch.</summary>
    Task Pods(PodBatch batch);

    /// <summary>A visitor is no longer shown on the page: they turned it off, went elsewhere or closed it.</summary>
    Task PodGone(long userId);
}
