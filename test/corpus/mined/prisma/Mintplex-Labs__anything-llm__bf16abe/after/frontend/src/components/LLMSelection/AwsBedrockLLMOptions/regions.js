// Regions that support the bedrock-mantle API endpoint.
// Source: https://docs.aws.amazon.com/bedrock/latest/userguide/endpoints-region-availability.html
export const AWS_REGIONS = [
  {
    name: "N. Virginia",
    full_name: "US East (N. Virginia)",
    code: "us-east-1",
  },
  {
    name: "Ohio",
    full_name: "US East (Ohio)",
    code: "us-east-2",
  },
  {
    name: "Oregon",
    full_name: "US West (Oregon)",
    code: "us-west-2",
  },
  {
    name: "Frankfurt",
    full_name: "EU (Frankfurt)",
    code: "eu-central-1",
  },
  {
    name: "Stockholm",
    full_name: "EU (Stockholm)",
    code: "eu-north-1",
  },
  {
    name: "Milan",
    full_name: "EU (Milan)",
    code: "eu-south-1",
  },
  {
    name: "Ireland",
    full_name: "EU (Ireland)",
    code: "eu-west-1",
  },
  {
    name: "London",
    full_name: "EU (London)",
    code: "eu-west-2",
  },
  {
    name: "Tokyo",
    full_name: "Asia Pacific (Tokyo)",
    code: "ap-northeast-1",
  },
  {
    name: "Mumbai",
    full_name: "Asia Pacific (Mumbai)",
    code: "ap-south-1",
  },
  {
    name: "Sydney",
    full_name: "Asia Pacific (Sydney)",
    code: "ap-southeast-2",
  },
  {
    name: "Jakarta",
    full_name: "Asia Pacific (Jakarta)",
    code: "ap-southeast-3",
  },
  {
    name: "São Paulo",
    full_name: "South America (São Paulo)",
    code: "sa-east-1",
  },
  {
    name: "GovCloud West",
    full_name: "AWS GovCloud (US)",
    code: "us-gov-west-1",
  },
];
