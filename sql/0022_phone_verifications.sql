-- Phone verification by one-time code (issue 12): a reporter proves a number by
-- the code sent to it through the SMS/WhatsApp gateway, before a submission may
-- change a known reporter's details or re-report by number from elsewhere.
-- Only hashes are kept; a code lives minutes, a proof (token) an hour.
CREATE TABLE phone_verifications (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id     bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  phone          text NOT NULL CHECK (phone ~ '^\+62[0-9]{7,13}$'),
  code_hash      text NOT NULL,                -- sha256(id ':' code)
  attempts       integer NOT NULL DEFAULT 0,
  created_at     timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL,
  verified_at    timestamptz,
  token_hash     text UNIQUE                   -- sha256(token), set when verified
);
CREATE INDEX phone_verifications_phone_idx ON phone_verifications (utility_id, phone, created_at DESC);
