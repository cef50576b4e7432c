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
  }

  backend "s3" {
    bucket = "tilia-terraform-state"
    key    = "booking/terraform.tfstate"
    region = "eu-central-1"
  }
}

provider "aws" {
  region = "eu-central-1"
}

provider "aws" {
  alias  = "stockholm"
  region = "eu-north-1"
}

provider "aws" {
  alias  = "paris"
  region = "eu-west-3"
}

provider "azurerm" {
  features {}
}

provider "google" {
  project = "tilia-ml"
  region  = "europe-west3"
}

resource "aws_s3_bucket" "letters" {
  bucket = "tilia-letters-fra"
}

resource "aws_dynamodb_table" "audit_log" {
  provider     = aws.stockholm
  name         = "tilia-audit-log"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "event_id"

  attribute {
    name = "event_id"
    type = "S"
  }
}

resource "aws_sqs_queue" "reminders" {
  provider = aws.paris
  name     = "tilia-reminders"
}

resource "azurerm_resource_group" "booking" {
  name     = "tilia-booking"
  location = "westeurope"
}

resource "azurerm_storage_account" "exports" {
  name                     = "tiliaexportsde"
  resource_group_name      = azurerm_resource_group.booking.name
  location                 = "germanywestcentral"
  account_tier             = "Standard"
  account_replication_type = "ZRS"
}

resource "azurerm_storage_account" "archive" {
  name                     = "tiliaarchiveno"
  resource_group_name      = azurerm_resource_group.booking.name
  location                 = "norwayeast"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}

resource "google_vertex_ai_endpoint" "no_show" {
  name         = "no-show"
  display_name = "no-show-risk"
  location     = "europe-west3"
}
