-- The operations views find a day's job executions by their businessDate parameter (settle jobs --date, settle days):
-- without an index that reads every parameter row of every execution ever run.
CREATE INDEX ix_batch_params_name_value ON BATCH_JOB_EXECUTION_PARAMS (PARAMETER_NAME, PARAMETER_VALUE(32));
