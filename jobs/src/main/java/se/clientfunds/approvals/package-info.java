/**
 * Four eyes where money moves: an action above its configured amount ({@code settlement.approvals.*}) is proposed by
 * one person and done only when a different person approves it; a proposal can be rejected, or withdrawn by its author.
 */
package se.clientfunds.approvals;
