namespace Widget.Web.Calls;

/// <summary>What became of a request to join (<see cref="ICallAdmissions.AskAsync"/>).</summary>
public enum AskOutcome
{
    /// <summary>Now waiting for a moderator; the moderators are to be told.</summary>
    Added,

    /// <summary>The user was waiting already; nobody is told again.</summary>
    AlreadyWaiting,

    /// <summary>The channel has as many waiting as its moderators are shown.</summary>
    Full,

    /// <summary>The user has asked too often in the window.</summary>
    TooMany,
}
