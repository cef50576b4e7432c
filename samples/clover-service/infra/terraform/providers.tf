terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.110"
    }
    google = {
      source  = "hashicorp/google"
      version = "~> 5.30"
    }
    alicloud = {
      source  = "aliyun/alicloud"
      version = "~> 1.230"
    }
  }

  backend "s3" {
    bucket         = "clover-terraform-state"
    key            = "platform/prod/terraform.tfstate"
    region         = "eu-central-1"
    dynamodb_table = "clover-terraform-locks"
    encrypt        = true
  }
}

# Default account: Frankfurt.
provider "aws" {
  region = "eu-central-1"
}

# Engagement warehouse account (moved there in 2021, previously "us-west-2").
provider "aws" {
  alias  = "analytics"
  region = "us-east-1" # auditkit-expect: endpoint.non-eu
}

provider "aws" {
  alias  = "uk"
  region = "eu-west-2" # auditkit-expect: endpoint.non-eu
}

provider "azurerm" {
  features {}
}

provider "google" {
  project = "clover-prod"
  region  = "europe-west4"
}

provider "google" {
  alias   = "uk"
  project = "clover-prod"
  region  = "europe-west2" # auditkit-expect: endpoint.non-eu
}

provider "alicloud" {
  region = "cn-beijing" # auditkit-expect: endpoint.non-eu
}
