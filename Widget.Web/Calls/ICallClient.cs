namespace Widget.Web.Calls;

/// <summary>What the call hub pushes to a widget.</summary>
public partial interface ICallClient
{
    /// <summary>Someone joined or left the call of a channel this connection watches.</summary>
    Task CallChanged(CallRoster roster);

    /// <summary>An offer or answer from another member, addressed to this connection alone.</summary>
    Task Description(DescriptionEvent e);

    Task Candidate(CandidateEvent e);

    /// <summary>A ban or a moderator took this connection out of a call: it stops its media and says why.</summary>
    Task Removed(CallRemovedEvent e);
}
