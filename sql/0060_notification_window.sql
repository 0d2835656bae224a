-- Issue 12, the rest: WhatsApp's 24-hour customer-service window and one-time codes.
--
-- reporters.last_inbound_at: the reporter's last message to the utility (an
-- inbound webhook: WhatsApp Cloud API or the SMS gateway). Within 24 hours of
-- it WhatsApp takes free text; outside only an approved template.
-- notification_deliveries.template_params: the values of the message's
-- placeholders in the order the text first uses them, the body parameters of
-- the WhatsApp template that mirrors the text ({{1}}, {{2}}, ...). A one-time
-- code is never among them: it stays "{{code}}" and is filled in at send time.
ALTER TABLE reporters ADD COLUMN last_inbound_at timestamptz;
ALTER TABLE notification_deliveries ADD COLUMN template_params jsonb;
