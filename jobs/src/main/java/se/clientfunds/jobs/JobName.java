package se.clientfunds.jobs;

/** The names of the pipeline's jobs, in one place, as Spring Batch and the operators know them. */
public enum JobName {

    IMPORT_EXTRACTS("importExtractsJob"),
    IMPORT_BANK_FILES("importBankFilesJob"),
    IMPORT_SANCTIONS_LIST("importSanctionsListJob"),
    ALLOCATE_PAYMENTS("allocatePaymentsJob"),
    REFUNDS_AND_PAYOUTS("refundsAndPayoutsJob"),
    CLOSE_BUSINESS_DAY("closeBusinessDayJob"),
    MONITOR("monitorJob"),
    RECONCILE("reconcileJob"),
    REPORTS("reportsJob");

    private final String jobName;

    JobName(String jobName) {
        this.jobName = jobName;
    }

    public String jobName() {
        return jobName;
    }

    @Override
    public String toString() {
        return jobName;
    }
}
