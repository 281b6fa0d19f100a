namespace Widget.Web.Calls;

/// <summary>What the call hub pushes about asking to join a call by admission.</summary>
public partial interface ICallClient
{
    Task JoinAsked(JoinRequestEvent e);

    Task JoinRequestEnded(JoinRequestEndedEvent e);

    Task JoinAnswered(JoinAnsweredEvent e);
}
