-- One more reason a ticket is left out of a plan: on a utility with a road
-- network, the ticket is farther than the snap limit from every road (planned
-- only when the dispatcher pins it to a crew).
ALTER TABLE plan_unplanned DROP CONSTRAINT plan_unplanned_reason_check;
ALTER TABLE plan_unplanned ADD CONSTRAINT plan_unplanned_reason_check
  CHECK (reason IN ('no_crew_in_reach', 'shift_too_short', 'crew_capacity', 'shift_full', 'pinned_crew_full', 'held_out', 'no_crew_within_sla', 'off_road_network'));
