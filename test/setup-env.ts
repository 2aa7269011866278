// Unit and handler tests run on the in-memory fakes; nothing here touches the network.
process.env.MOCK_MODE = 'true';
process.env.LOG_LEVEL ??= 'silent';
