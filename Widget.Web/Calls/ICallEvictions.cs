namespace Widget.Web.Calls;

/// <summary>
/// Takes people out of a channel's call wherever it is held. A call lives in the memory of the node its members
/// are connected to, which need not be the node where a moderator acts, so with Redis every node is asked.
/// </summary>
public interface ICallEvictions
{
    Task EvictAsync(CallEviction eviction);
}
