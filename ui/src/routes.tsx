import type { AnyComponent } from "preact";
import { lazy } from "preact-iso";
import { Connections } from "./pages/connections";
import { Destinations } from "./pages/destinations";
import { EventPage } from "./pages/event";
import { Events } from "./pages/events";
import { Issues } from "./pages/issues";
import { NotFound } from "./pages/not-found";
import { NotificationChannels } from "./pages/notification-channels";
import { Replays } from "./pages/replays";
import { ReplayPage } from "./pages/replay";
import { RequestPage } from "./pages/request";
import { Requests } from "./pages/requests";
import { Sources } from "./pages/sources";
import { Transformations } from "./pages/transformations";

// The metrics page carries the charting library: it loads when first opened, not with the app.
const Metrics = lazy(() => import("./pages/metrics").then((m) => m.Metrics));

// Every page of the dashboard and its URL (docs/dashboard.md, "Adding a page"). One file per page
// under pages/; a page reads its id from the route's params and its filters from the URL query.

export const ROUTES: [path: string, page: AnyComponent<any>][] = [
  ["/", Events],
  ["/events", Events],
  ["/events/:id", EventPage],
  ["/requests", Requests],
  ["/requests/:id", RequestPage],
  ["/sources", Sources],
  ["/destinations", Destinations],
  ["/connections", Connections],
  ["/transformations", Transformations],
  ["/notification-channels", NotificationChannels],
  ["/issues", Issues],
  ["/replays", Replays],
  ["/replays/:id", ReplayPage],
  ["/metrics", Metrics],
  ["*", NotFound],
];

/** The main navigation (spec §9 names the first eight links). */
export const NAVIGATION: [href: string, label: string][] = [
  ["/events", "Events"],
  ["/requests", "Requests"],
  ["/sources", "Sources"],
  ["/destinations", "Destinations"],
  ["/connections", "Connections"],
  ["/issues", "Issues"],
  ["/replays", "Replays"],
  ["/metrics", "Metrics"],
  ["/transformations", "Transformations"],
  ["/notification-channels", "Notification channels"],
];
