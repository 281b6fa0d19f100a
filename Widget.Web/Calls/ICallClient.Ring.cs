namespace Widget.Web.Calls;

/// <summary>What the call hub pushes about direct calls.</summary>
public partial interface ICallClient
{
    Task Ringing(RingEvent e);

    Task RingAnswered(RingAnsweredEvent e);

    Task RingEnded(RingEndedEvent e);
}
