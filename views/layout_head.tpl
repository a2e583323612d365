{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
<meta charset="utf-8">
<title>{{TITLE}} – Concord</title>
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#0b0c0c">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/govuk/concord.min.css?v={{VERSION}}">
</head>
<body class="govuk-template__body">
<script src="/static/js-enabled.js"></script>
<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
<header class="concord-header" role="banner">
<section class="govuk-service-navigation" aria-label="Service information" data-module="govuk-service-navigation">
<div class="govuk-width-container">
<div class="govuk-service-navigation__container">
<span class="govuk-service-navigation__service-name">
<a href="/" class="govuk-service-navigation__link">Concord</a>
</span>
<nav aria-label="Menu" class="govuk-service-navigation__wrapper">
<button type="button" class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle" aria-controls="navigation" hidden aria-hidden="true">Menu</button>
<ul class="govuk-service-navigation__list" id="navigation">
{{#NAV_ITEM}}<li class="govuk-service-navigation__item{{#CURRENT}} govuk-service-navigation__item--active{{/CURRENT}}"><a class="govuk-service-navigation__link" href="{{HREF}}"{{#CURRENT}} aria-current="{{ARIA_CURRENT}}"{{/CURRENT}}>{{#CURRENT}}<strong class="govuk-service-navigation__active-fallback">{{/CURRENT}}{{TEXT}}{{#CURRENT}}</strong>{{/CURRENT}}</a></li>
{{/NAV_ITEM}}</ul>
</nav>
</div>
</div>
</section>
{{#SIGNED_IN}}
<div class="govuk-width-container concord-account">
<p class="govuk-body-s concord-account__who">Signed in as <strong>{{USER_NAME}}</strong>, {{USER_AGENCY}} ({{USER_ROLES}})</p>
<form method="post" action="/staff/sign-out" class="concord-account__form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Sign out</button>
</form>
</div>
{{/SIGNED_IN}}
</header>
<div class="govuk-width-container">
<main class="govuk-main-wrapper" id="main-content">
{{#HAS_FLASH}}
<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="flash-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header">
<h2 class="govuk-notification-banner__title" id="flash-title">Success</h2>
</div>
<div class="govuk-notification-banner__content">
<p class="govuk-notification-banner__heading">{{FLASH}}</p>
</div>
</div>
{{/HAS_FLASH}}
{{#HAS_NOTICE}}
<div class="govuk-notification-banner" role="region" aria-labelledby="notice-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header">
<h2 class="govuk-notification-banner__title" id="notice-title">Important</h2>
</div>
<div class="govuk-notification-banner__content">
<p class="govuk-notification-banner__heading">{{FLASH}}</p>
</div>
</div>
{{/HAS_NOTICE}}
