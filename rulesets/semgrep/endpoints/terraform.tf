# Annotated test file for endpoint-literal-terraform.
provider "aws" {
  # ruleid: endpoint-literal-terraform
  region = "eu-west-1"
  alias  = "ireland"
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "main" {
  name = "rg-audit"
  # ruleid: endpoint-literal-terraform
  location = "West Europe"
}

resource "google_storage_bucket" "logs" {
  name = "audit-logs"
  # ruleid: endpoint-literal-terraform
  location = "europe-west3"
}

resource "google_storage_bucket" "exports" {
  name = "audit-exports"
  # ruleid: endpoint-literal-terraform
  location = "US"
}

resource "google_bigquery_dataset" "events" {
  # ruleid: endpoint-literal-terraform
  location = "EU"
  # ok: endpoint-literal-terraform
  description = "US"
}

resource "google_spanner_instance" "main" {
  # ruleid: endpoint-literal-terraform
  config = "nam-eur-asia1"
}

resource "aws_instance" "app" {
  # ruleid: endpoint-literal-terraform
  availability_zone = "us-east-1b"
}

resource "hcloud_server" "node" {
  # ruleid: endpoint-literal-terraform
  location = "nbg1"
}

variable "endpoint" {
  # ruleid: endpoint-literal-terraform
  default = "https://api.example.com/v1"
}

locals {
  # ruleid: endpoint-literal-terraform
  db_url = "postgresql://app@db.example.com:5432/app"
  # ruleid: endpoint-literal-terraform
  bucket_host = "${var.bucket}.s3.us-west-2.amazonaws.com"
  # ruleid: endpoint-literal-terraform
  api_url = "https://${var.tenant}.example.com/api"
  # ruleid: endpoint-literal-terraform
  hosts = ["a.example.com", "b.example.com"]
  # ruleid: endpoint-literal-terraform
  cidr = "10.20.0.0/16"
  # ruleid: endpoint-literal-terraform
  policy = jsonencode({ Resource = "arn:aws:sqs:ap-south-1:123456789012:queue" })
  script = <<-EOT
    #!/bin/sh
    # ruleid: endpoint-literal-terraform
    curl -fsS https://bootstrap.example.com/install.sh | sh
  EOT
  # ok: endpoint-literal-terraform
  name = "audit-service"
  # ok: endpoint-literal-terraform
  file = "main.tf"
  # ok: endpoint-literal-terraform
  ref = var.endpoint # "https://comment.example.com"
}

// ok: endpoint-literal-terraform
output "region" { value = local.db_url } // "eu-west-1"
/* "https://block.example.com" */
