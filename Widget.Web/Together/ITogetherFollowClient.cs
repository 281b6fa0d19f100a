namespace Widget.Web.Together;

/// <summary>What the together hub pushes about where participants are and who follows whom.</summary>
public interface ITogetherFollowClient
{
    /// <summary>To the others: a participant is on another page of the site now.</summary>
    Task PlaceChanged(PlaceView place);

    /// <summary>To the others: a participant started or stopped following someone.</summary>
    Task Following(FollowView follow);

    /// <summary>To the others: a participant asks everyone to come to their place; each chooses to go or stay.</summary>
    Task Summoned(PlaceView place);
}
