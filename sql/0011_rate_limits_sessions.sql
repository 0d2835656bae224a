-- Throttles (server/platform/http/throttle.ts, rate-limiter-flexible): one row per
-- counted key (rule prefix, utility, username / phone / address / api key), shared
-- by every app instance. `expire` is the window's end in epoch milliseconds; the
-- library deletes rows expired an hour ago every few minutes.
CREATE TABLE IF NOT EXISTS rate_limits (
  key    varchar(255) PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
);
CREATE INDEX IF NOT EXISTS rate_limits_expire_idx ON rate_limits (expire);

-- The worker deletes expired staff sessions each tick (auth service cleanUpExpiredSessions).
CREATE INDEX IF NOT EXISTS sessions_expires_idx ON sessions (utility_id, expires_at);
