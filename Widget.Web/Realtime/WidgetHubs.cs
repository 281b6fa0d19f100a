using Widget.Web.Calls;
using Widget.Web.Together;

namespace Widget.Web.Realtime;

/// <summary>The paths of our SignalR hubs, which take their token from the query and answer their own errors.</summary>
public static class WidgetHubs
{
    public static bool Serves(HttpContext context) =>
        LiveHub.Serves(context) || TogetherHub.Serves(context) || CallHub.Serves(context);
}
