// Every test talks to a local emulator, never to AWS: the emulator's default credentials
// (`test`/`test`, the convention of local AWS emulators) and a region are set for the SDK's
// default chain, and nothing may fall back to ~/.aws or the instance metadata service.
process.env.AWS_ACCESS_KEY_ID = "test";
process.env.AWS_SECRET_ACCESS_KEY = "test";
process.env.AWS_REGION = process.env.AWS_REGION ?? "us-east-1";
process.env.AWS_EC2_METADATA_DISABLED = "true";
process.env.AWS_CONFIG_FILE = "/nonexistent-aws-config";
process.env.AWS_SHARED_CREDENTIALS_FILE = "/nonexistent-aws-credentials";
delete process.env.AWS_PROFILE;
delete process.env.AWS_ENDPOINT_URL;
delete process.env.AWS_ENDPOINT_URL_MAILMANAGER;
