/** The current time; injectable so expiry can be tested without waiting. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
